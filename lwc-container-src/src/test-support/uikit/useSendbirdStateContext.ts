export { useSendbirdStateContext as default } from '../uikit-stubs';
