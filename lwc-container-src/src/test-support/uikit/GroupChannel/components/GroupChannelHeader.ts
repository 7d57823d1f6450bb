export { GroupChannelHeader as default } from '../../../uikit-stubs';
