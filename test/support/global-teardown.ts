import { teardown } from './privacy-audit';
export default teardown;
