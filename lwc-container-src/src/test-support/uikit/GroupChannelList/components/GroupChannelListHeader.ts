export { GroupChannelListHeader as default } from '../../../uikit-stubs';
