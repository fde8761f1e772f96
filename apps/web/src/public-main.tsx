// Entry of the public pages (/12345, /verify/…, /login, /register): no console routes, menus or icons.
import './app/i18n'
import './app/global.css'
import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { RouterProvider } from 'react-router'
import { Providers } from './app/providers'
import { publicRouter } from './app/public-router'

const container = document.getElementById('root')
if (!container) throw new Error('missing #root element')

createRoot(container).render(
  <StrictMode>
    <Providers>
      <RouterProvider router={publicRouter} />
    </Providers>
  </StrictMode>,
)
