export { SendbirdProvider as default } from '../uikit-stubs';
