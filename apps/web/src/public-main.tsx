// Entry of the public pages (/12345, /verify/…, /login, /register): no console routes, menus, icons or Ant Design.
import './app/i18n-public'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { PublicProviders } from './app/public-providers'
import { publicRouter } from './app/public-router'
import { openPublicPage } from './app/public-routes'

const container = document.getElementById('root')
if (!container) throw new Error('missing #root element')

// The first page's requests start now, and its module (preloaded by the server) is in before the first render.
await openPublicPage(window.location)

createRoot(container).render(
  <StrictMode>
    <PublicProviders>
      <RouterProvider router={publicRouter} />
    </PublicProviders>
  </StrictMode>,
)
