/**
 * Word and name pools for generated posts. Plain English of an engineering-management blog, so the
 * Markdown has the token mix (long paragraphs, few inline marks) the parser meets on real sites.
 */
export const WORDS: readonly string[] = (
  'the team work time people project engineering manager leader company product customer value goal ' +
  'strategy meeting code review process quality design system service data question answer problem ' +
  'solution decision change growth career feedback trust culture hiring interview role skill practice ' +
  'result impact effort plan roadmap sprint release deadline scope risk cost budget priority focus ' +
  'alignment context clarity ownership autonomy mastery purpose debt refactor test deploy incident ' +
  'postmortem outage metric signal noise habit routine week month quarter year morning afternoon ' +
  'conversation mentor coach peer report director engineer developer designer analyst partner vendor ' +
  'platform infrastructure architecture interface contract boundary module library framework tool ' +
  'often rarely usually sometimes always never really quite rather simply clearly probably certainly ' +
  'good great better best hard easy simple complex small large early late quick slow new old ' +
  'important critical useful helpful difficult obvious subtle honest direct explicit implicit shared ' +
  'make take give keep find know think believe want need try help build ship learn teach listen ' +
  'explain discuss decide measure improve reduce increase support choose prefer avoid notice remember ' +
  'is are was were be been have has had do does did can could should would will may might must ' +
  'a an and or but so because while when where which who what how why if then than that this these ' +
  'those there here with without within about around between before after during under over into ' +
  'from through across toward against among for of on in at by to as it its their our your my his her ' +
  'we they you he she one two three several many most some any each every other another more less ' +
  'first second last next previous whole part half enough only also even still just again already ' +
  'story lesson mistake example pattern principle approach method framework model idea opinion view ' +
  'reason evidence experience intuition judgment assumption expectation standard norm rule exception ' +
  'budget contractor startup enterprise market competitor opportunity advantage leverage constraint ' +
  'documentation onboarding handoff backlog ticket estimate velocity throughput latency reliability ' +
  'scalability security privacy compliance migration rollout rollback experiment hypothesis'
).split(' ');

export const FUNCTION_WORDS: readonly string[] = 'the a to of and in is it that we for on with as be at this are or by not but you can our was if so do'.split(' ');

export const TAGS: readonly string[] = [
  'leadership', 'management', 'alignment', 'hiring', 'career', 'feedback', 'culture', 'strategy', 'architecture',
  'testing', 'devops', 'incidents', 'postmortems', 'estimation', 'roadmaps', 'planning', 'metrics', 'okrs',
  'one-on-ones', 'mentoring', 'coaching', 'onboarding', 'documentation', 'code-review', 'refactoring',
  'technical-debt', 'reliability', 'security', 'privacy', 'performance', 'scalability', 'databases', 'apis',
  'microservices', 'monoliths', 'frontend', 'backend', 'mobile', 'cloud', 'kubernetes', 'serverless',
  'startups', 'enterprise', 'remote-work', 'productivity', 'meetings', 'communication', 'writing',
  'decision-making', 'prioritization', 'product', 'design', 'ux', 'data', 'analytics', 'machine-learning',
  'open-source', 'tooling', 'ci', 'deployment', 'migrations', 'budgets', 'vendors', 'contracts',
  'interviews', 'promotions', 'performance-reviews', 'burnout', 'wellbeing', 'learning', 'books',
  'conferences', 'teaching', 'process', 'agile', 'scrum', 'kanban', 'retrospectives', 'team-topologies',
];

export const CATEGORIES: readonly string[] = ['leadership', 'engineering', 'management', 'process', 'career', 'architecture', 'culture', 'notes'];

export const AUTHORS: readonly { readonly id: string; readonly name: string }[] = [
  { id: 'rich', name: 'Rich Kleinfeldt' },
  { id: 'ana', name: 'Ana Ortega' },
  { id: 'bo', name: 'Bo Lindqvist' },
  { id: 'chen', name: 'Chen Wei' },
  { id: 'dara', name: 'Dara Okafor' },
  { id: 'eli', name: 'Eli Navarro' },
  { id: 'fatima', name: 'Fatima Haddad' },
  { id: 'gus', name: 'Gus Petersen' },
  { id: 'hana', name: 'Hana Sato' },
  { id: 'ivan', name: 'Ivan Petrov' },
  { id: 'jo', name: 'Jo Mbeki' },
  { id: 'kim', name: 'Kim Laurent' },
];

/** Headings real posts reuse (duplicates within a post exercise the `-1` id suffix). */
export const STOCK_HEADINGS: readonly string[] = [
  'Summary', 'Background', 'Context', 'What needs alignment?', "A Note about 1:1's", 'Why it matters', 'The problem',
  'Trade-offs', 'Lessons learned', 'What went wrong', 'What went right', 'Next steps', 'Further reading',
  'Q&A', 'TL;DR', 'Company Values', 'Business Context', 'Strategy', 'Goals', 'Results (so far)', 'Step 1: Listen',
  'Step 2: Decide', 'Appendix', 'Conclusion',
];

export const IMAGES: readonly string[] = ['team.png', 'roadmap.png', 'diagram.png', 'chart.png', 'whiteboard.png', 'org-chart.png', 'timeline.png', 'architecture.png'];

export const EXTERNAL: readonly string[] = [
  'https://hbr.org/2013/08/tests-of-a-leadership-transiti',
  'https://en.wikipedia.org/wiki/Conway%27s_law',
  'https://martinfowler.com/articles/is-quality-worth-cost.html',
  'https://gohugo.io/content-management/cross-references/',
  'https://www.example.com/blog/some-post',
];
