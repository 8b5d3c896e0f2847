// Example Eleventy 3 config used by Postcraft's tests. Postcraft reads it as text; it is never run.
export default function (eleventyConfig) {
  eleventyConfig.addPassthroughCopy('src/img');

  // Drafts are visible while writing (`--serve`) and left out of production builds.
  eleventyConfig.addPreprocessor('drafts', '*', (data) => {
    if (data.draft && process.env.ELEVENTY_RUN_MODE === 'build') return false;
  });
}

export const config = {
  dir: {
    input: 'src',
    output: '_site',
  },
  markdownTemplateEngine: 'njk',
};
