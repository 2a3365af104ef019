// Config for fixtures/cfg-*.txt: sections headed `■ 协商议政` (no closing mark), items opened by ● or ○.
import { defineConfig } from '../../src/config.js';

export default defineConfig({
  markers: {
    sections: [{ open: '■', close: '' }],
    items: ['●', '○'],
  },
});
