/** The playground of this server, built on first use from its environment. */
import { settings } from './environment';
import { createPlayground, type Playground } from './playground';

let instance: Playground | undefined;

export function playground() {
  instance ??= createPlayground(settings);
  return instance;
}
