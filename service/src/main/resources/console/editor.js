// The rule editor: CodeMirror 5 (from the service's jar, loaded on first use) with a DRL mode.
import {el} from './dom.js';

let loading = null;

function script(src) {
  return new Promise((resolve, reject) => {
    const node = el('script', {src});
    node.addEventListener('load', resolve);
    node.addEventListener('error', () => reject(new Error(src + ' could not be loaded')));
    document.head.append(node);
  });
}

/** CodeMirror with the DRL mode defined; loaded once. */
export function loadEditor() {
  if (!loading) {
    document.head.append(el('link', {rel: 'stylesheet', href: '/console/codemirror/codemirror.css'}));
    loading = script('/console/codemirror/codemirror.js').then(() => script('/console/codemirror/simple.js')).then(() => {
      window.CodeMirror.defineSimpleMode('drl', {
        start: [
          {regex: /\/\/.*/, token: 'comment'},
          {regex: /\/\*/, token: 'comment', next: 'comment'},
          {regex: /"(?:[^\\"]|\\.)*?"/, token: 'string'},
          {regex: /\b(?:package|import|rule|when|then|end|declare|function|query|global|salience|no-loop|lock-on-active|agenda-group|activation-group|dialect|not|exists|forall|from|accumulate|collect|eval|and|or|insert|insertLogical|modify|update|retract|delete|new|return|if|else|true|false|null|extends|matches|memberOf|contains|in|this)\b/, token: 'keyword'},
          {regex: /\b(?:int|long|double|boolean|String|BigDecimal|LocalDate|List|Set|Map)\b/, token: 'type'},
          {regex: /-?\d+(?:\.\d+)?[lLdDfF]?\b/, token: 'number'},
          {regex: /\$\w+/, token: 'variable-2'},
          {regex: /@\w+/, token: 'meta'},
          {regex: /\b[A-Z]\w*/, token: 'variable-3'},
          {regex: /\w+/, token: null},
        ],
        comment: [{regex: /.*?\*\//, token: 'comment', next: 'start'}, {regex: /.*/, token: 'comment'}],
        meta: {lineComment: '//'},
      });
      return window.CodeMirror;
    });
  }
  return loading;
}

/**
 * Marks the problems that name {@code file} (paths "file:line:column") on their lines; answers the
 * problems as [{line, column, message}], in the file's order.
 */
export function markProblems(editor, file, errors) {
  for (let line = 0; line < editor.lineCount(); line++) {
    editor.removeLineClass(line, 'wrap', 'error-line');
  }
  const marked = [];
  for (const error of errors || []) {
    const match = /^(.+?):(\d+):(\d+)$/.exec(error.path || '');
    if (match && match[1] === file) {
      const line = Number(match[2]);
      editor.addLineClass(line - 1, 'wrap', 'error-line');
      marked.push({line, column: Number(match[3]), message: error.message});
    }
  }
  return marked.sort((a, b) => a.line - b.line);
}
