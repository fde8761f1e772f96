import { App as AntApp } from 'antd'
import AppLayout from './app-layout'

/** The signed-in console: AntD's App context (message, modal, notification) around the layout. */
export default function ConsoleFrame() {
  return (
    <AntApp component={false}>
      <AppLayout />
    </AntApp>
  )
}
