// Entry of the public pages (/12345, /verify/…, /login, /register): no console routes, menus, icons or Ant Design.
import './app/i18n-public'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { PublicProviders } from './app/public-providers'
import { publicRouter } from './app/public-router'

const container = document.getElementById('root')
if (!container) throw new Error('missing #root element')

createRoot(container).render(
  <StrictMode>
    <PublicProviders>
      <RouterProvider router={publicRouter} />
    </PublicProviders>
  </StrictMode>,
)
