export { GroupChannel as default } from '../uikit-stubs';
