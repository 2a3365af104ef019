// Settings for `bulletin ingest`. Every key is optional; see README.md ("Configuration").
import { defineConfig } from './src/config.js';

export default defineConfig({
  outDir: 'out',
  markers: {
    // Titles like ※重要活动※ and 【重要会议】; Word heading styles are always sections.
    sections: [
      { open: '※', close: '※' },
      { open: '【', close: '】' },
    ],
    // Glyphs that open an item, typed or produced by Word list numbering.
    items: ['◆', '◇'],
  },
});
