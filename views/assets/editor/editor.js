// kube-notebook: the scenario editor. CodeMirror 6 over each simulation cell's
// textarea, loaded by app.js on lesson pages after the first paint (bundled by
// server/views/editor-bundle.ts, served fingerprinted and cached). Without it
// the textarea and its form work as they are; with it the textarea stays in
// the form, hidden, and always holds the editor's text.
//
// YAML mode, line numbers, indent on Enter, Tab and Shift-Tab indent (Escape
// then Tab leaves the editor, CodeMirror's tab-focus rule), bracket matching,
// Ctrl/Cmd+Enter runs, and the last run's error marked at its line and column
// in the gutter with its message. Colours come from the site's CSS variables,
// so the dark theme follows the site's.
import { EditorState } from '@codemirror/state';
import { EditorView, drawSelection, highlightActiveLine, highlightActiveLineGutter, highlightSpecialChars, keymap, lineNumbers } from '@codemirror/view';
import { defaultKeymap, history, historyKeymap, indentWithTab } from '@codemirror/commands';
import { bracketMatching, indentOnInput, indentService, indentUnit, syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { classHighlighter } from '@lezer/highlight';
import { yaml } from '@codemirror/lang-yaml';

const views = new WeakMap();

// Indent on Enter as YAML reads: the new line keeps the indent of the one
// above, goes one level deeper after a key that opens a block (`metadata:`),
// and lines up with the first key of a list item (`- name: web`).
const yamlIndent = indentService.of((context, pos) => {
  const here = context.lineAt(pos, -1);
  let text = here.text.slice(0, pos - here.from);
  if (pos === here.from) {
    if (pos === 0) return 0;
    text = context.lineAt(pos - 1, -1).text;
  }
  if (text.trim() === '') return null;
  const indent = /^ */.exec(text)[0].length;
  if (/:[ \t]*(#.*)?$/.test(text)) return indent + 2;
  const item = /^ *- +(?=\S)/.exec(text);
  return item ? item[0].length : indent;
});

// The site's colours (views/assets/css/base.css): light or dark as the page is.
const siteTheme = EditorView.theme({
  '&': { color: 'var(--fg)', backgroundColor: 'var(--bg-raised)', border: '1px solid var(--border)', borderRadius: '6px', fontSize: '0.9rem' },
  '&.cm-focused': { outline: '3px solid var(--focus)', outlineOffset: '2px' },
  '.cm-scroller': { fontFamily: 'var(--mono)', lineHeight: '1.45', maxHeight: '40em' },
  '.cm-content': { caretColor: 'var(--fg)', padding: '0.5rem 0' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--fg)' },
  '.cm-gutters': { backgroundColor: 'var(--code-bg)', color: 'var(--muted)', borderRight: '1px solid var(--border)' },
  '.cm-activeLine': { backgroundColor: 'var(--code-bg)' },
  '.cm-activeLineGutter': { backgroundColor: 'var(--accent-soft)', color: 'var(--fg)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-soft)' },
  '&.cm-focused .cm-matchingBracket': { backgroundColor: 'var(--ok-soft)', outline: '1px solid var(--ok)' },
  '&.cm-focused .cm-nonmatchingBracket': { backgroundColor: 'var(--bad-soft)', outline: '1px solid var(--bad)' },
  '.cm-tooltip': { backgroundColor: 'var(--bg-raised)', color: 'var(--fg)', border: '1px solid var(--border)' },
  '.cm-diagnostic-error': { borderLeftColor: 'var(--bad)' },
  '.cm-lintRange-error': { backgroundColor: 'var(--bad-soft)' },
});

/** The error shown under the cell, as a diagnostic at its line and column (none when the output has no located error). */
function diagnosticsOf(cell, state) {
  const error = cell.querySelector('.sim-output .sim-error[data-line]');
  if (!error) return [];
  const lineNo = Number(error.getAttribute('data-line'));
  if (!(lineNo >= 1 && lineNo <= state.doc.lines)) return [];
  const line = state.doc.line(lineNo);
  const column = Number(error.getAttribute('data-column')) || 0;
  const from = column >= 1 ? Math.min(line.from + column - 1, line.to) : line.from;
  // Underline from the column to the end of its word (or the whole line without a column).
  let to = column >= 1 ? from : line.to;
  if (column >= 1) while (to < line.to && !/\s/.test(state.doc.sliceString(to, to + 1))) to++;
  return [{ from, to: Math.max(to, from), severity: 'error', message: error.getAttribute('data-message') || '' }];
}

function markError(cell, view) {
  view.dispatch(setDiagnostics(view.state, diagnosticsOf(cell, view.state)));
}

function enhance(textarea) {
  if (views.has(textarea)) return;
  const cell = textarea.closest('.cell-sim, .cell-challenge');
  const form = textarea.form;
  const label = form && form.querySelector('label[for="' + textarea.id + '"]');
  const run = () => {
    const button = form.querySelector('button[value="run"]');
    form.requestSubmit(button);
    return true;
  };
  const view = new EditorView({
    state: EditorState.create({
      doc: textarea.value,
      extensions: [
        lineNumbers(),
        highlightActiveLineGutter(),
        highlightSpecialChars(),
        history(),
        drawSelection(),
        indentOnInput(),
        indentUnit.of('  '),
        yamlIndent,
        EditorState.tabSize.of(2),
        bracketMatching(),
        highlightActiveLine(),
        syntaxHighlighting(classHighlighter),
        yaml(),
        lintGutter(),
        // Ctrl+Enter and Cmd+Enter run, as in the textarea; Tab indents (Escape then Tab leaves).
        keymap.of([{ key: 'Ctrl-Enter', run }, { key: 'Meta-Enter', run }, ...defaultKeymap, ...historyKeymap, indentWithTab]),
        siteTheme,
        // tabindex 0 names the editable content as the focus target (axe: scrollable-region-focusable);
        // aria-describedby announces the keys, Tab's escape included (issue 28).
        EditorView.contentAttributes.of({
          'aria-label': label ? label.textContent : 'YAML',
          'aria-describedby': textarea.id.replace(/-input$/, '-keys'),
          tabindex: '0',
          spellcheck: 'false',
          autocapitalize: 'off',
        }),
        EditorView.updateListener.of((update) => {
          if (update.docChanged) textarea.value = update.state.doc.toString();
        }),
      ],
    }),
  });
  views.set(textarea, view);
  // A learner already typing in the textarea goes on typing in the editor, where they were.
  const typing = document.activeElement === textarea;
  const { selectionStart, selectionEnd } = textarea;
  textarea.after(view.dom);
  textarea.hidden = true;
  if (typing) {
    view.dispatch({ selection: { anchor: selectionStart, head: selectionEnd } });
    view.focus();
  }
  cell.classList.add('has-editor');
  // The page script set the textarea (Reset): the editor follows.
  textarea.addEventListener('kn:reset', () => {
    view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: textarea.value } });
  });
  // A new output (run, reset, or the last good result shown again): mark its error, or clear the mark.
  cell.addEventListener('kn:output', () => markError(cell, view));
  markError(cell, view);
}

document.querySelectorAll('textarea.sim-input').forEach(enhance);
document.documentElement.classList.add('has-code-editor');
