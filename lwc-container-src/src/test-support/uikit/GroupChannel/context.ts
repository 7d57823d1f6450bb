export { useGroupChannel } from '../../uikit-stubs';
