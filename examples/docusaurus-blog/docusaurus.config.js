// @ts-check
// Minimal Docusaurus site with the blog only (docs disabled).

/** @type {import('@docusaurus/types').Config} */
const config = {
  title: 'Build Log',
  tagline: 'Notes from a small tools team',
  url: 'https://docs-blog.example.com',
  baseUrl: '/',
  onBrokenLinks: 'throw',
  onBrokenMarkdownLinks: 'warn',
  i18n: {
    defaultLocale: 'en',
    locales: ['en'],
  },
  presets: [
    [
      'classic',
      {
        docs: false,
        blog: {
          routeBasePath: '/blog',
          path: 'blog',
          blogTitle: 'Build Log',
          blogDescription: 'Notes from a small tools team',
          showReadingTime: true,
          authorsMapPath: 'authors.yml',
          tags: 'tags.yml',
          onInlineTags: 'warn',
          postsPerPage: 10,
        },
        theme: {},
      },
    ],
  ],
};

module.exports = config;
