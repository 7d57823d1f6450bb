export { GroupChannelList as default } from '../uikit-stubs';
