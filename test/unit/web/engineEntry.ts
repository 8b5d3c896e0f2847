// The engine and the web platform's file system, bundled as the browser bundle is (dependencies'
// `browser` builds, no Node module): browserEngine.test.ts compares it with the Node engine.
export { createPostcraft } from '../../../src/core/service';
export { renderInSite, prepareSite } from '../../../src/core/render/site';
export { WorkspaceFileSystem } from '../../../src/vscode/web/workspaceFs';
