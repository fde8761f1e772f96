import type app from './zh-CN'

const en: typeof app = {
  menu: {
    home: 'Home',
    directory: 'Organisation',
    notifications: 'Notifications',
  },
  header: {
    scope: 'Scope',
    scopePrefix: 'Scope: ',
    noScope: 'No post assigned',
    userMenu: 'User menu',
    changePassword: 'Change password',
    logout: 'Log out',
    loggedOut: 'You have logged out',
    openMenu: 'Expand menu',
    closeMenu: 'Collapse menu',
  },
  exception: {
    notFoundTitle: 'Page not found',
    notFoundBody: 'This address does not exist or has been removed. Check it, or use the menu on the left.',
    forbiddenTitle: 'No permission',
    forbiddenBody: 'Your post does not allow access to this page. Ask a system administrator if you need it.',
    crashTitle: 'Something broke on this page',
    crashBody:
      'The page failed to load. Reload it; if this keeps happening, pass the details below to an administrator.',
    reload: 'Reload page',
    publicCrashBody:
      'Something went wrong while loading the page. Reload it; if it still does not open, try again later.',
  },
}

export default en
