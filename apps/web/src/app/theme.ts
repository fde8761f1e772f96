import type { ThemeConfig } from 'antd'

/** Government blue; the side menu is a deep navy so the page content stays the brightest area. */
export const PRIMARY_COLOR = '#1f5fbf'
export const SIDER_BG = '#0f2a55'

export const theme: ThemeConfig = {
  token: {
    colorPrimary: PRIMARY_COLOR,
    colorInfo: PRIMARY_COLOR,
    colorLink: PRIMARY_COLOR,
    borderRadius: 4,
    // AntD's greys (45 % and 25 % black) fail WCAG AA contrast on white; these give at least 4.5:1.
    colorTextDescription: 'rgba(0, 0, 0, 0.62)',
    colorTextPlaceholder: 'rgba(0, 0, 0, 0.56)',
    colorTextTertiary: 'rgba(0, 0, 0, 0.56)',
    fontFamily:
      "-apple-system, BlinkMacSystemFont, 'Segoe UI', 'PingFang SC', 'Hiragino Sans GB', 'Microsoft YaHei', 'Noto Sans CJK SC', 'Helvetica Neue', Arial, sans-serif",
  },
  components: {
    Layout: {
      siderBg: SIDER_BG,
      headerBg: '#ffffff',
      headerHeight: 56,
      headerPadding: '0 16px',
      bodyBg: '#f3f5f9',
    },
    Menu: {
      darkItemBg: SIDER_BG,
      darkSubMenuItemBg: '#0b2148',
      darkItemSelectedBg: PRIMARY_COLOR,
    },
  },
}
