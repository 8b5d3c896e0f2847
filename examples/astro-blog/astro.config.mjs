// Example Astro 5 config used by Postcraft's tests. Postcraft reads it as text; it is never run.
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: 'https://astro.example.com',
  trailingSlash: 'always',
});
