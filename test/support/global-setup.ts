import { setup } from './privacy-audit';
export default setup;
