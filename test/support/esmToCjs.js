// A jest transform for the few ES-module-only packages the Alexa+ add-on uses (jose): jest's CommonJS
// runtime cannot require them on Node 20, so esbuild (already here for the bundles) rewrites them to CommonJS.
const esbuild = require('esbuild');

module.exports = {
  process(source, filename) {
    const out = esbuild.transformSync(source, { loader: 'js', format: 'cjs', target: 'node20', sourcefile: filename, sourcemap: 'inline' });
    return { code: out.code };
  },
  getCacheKey(source, filename) {
    return require('node:crypto').createHash('sha256').update(`esmToCjs1\0${filename}\0${source}`).digest('hex');
  },
};
