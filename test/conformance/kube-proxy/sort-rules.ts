// pkg/proxy/iptables/proxier_test.go sortIPTablesRules (over
// pkg/util/iptables/testing/parse.go ParseIPTablesDump and IPTablesDump.String):
// upstream compares kube-proxy's output with its expected dumps after this sort, so
// the order Services are processed in does not matter while related rules keep
// their relative order.

interface Chain {
  name: string;
  rules: string[];
}
interface Table {
  name: string;
  chains: Chain[];
}

function commentOf(rule: string): string | null {
  const m = /--comment (?:"([^"]*)"|(\S+))/.exec(rule);
  return m ? (m[1] ?? m[2]) : null;
}

/** orderByCommentServiceName: the service name is the comment up to the first space or colon. */
function orderByCommentServiceName(a: string, b: string): number {
  const c1 = commentOf(a);
  const c2 = commentOf(b);
  if (c1 === null || c2 === null) return 0;
  const cut = (s: string) => {
    const i = s.search(/[ :]/);
    return i === -1 ? s : s.slice(0, i);
  };
  const n1 = cut(c1);
  const n2 = cut(c2);
  return n1 < n2 ? -1 : n1 > n2 ? 1 : 0;
}

export function parseTables(text: string): Table[] {
  const tables: Table[] = [];
  let table: Table | undefined;
  for (const line of text.replace(/^\s+/, '').split('\n')) {
    if (line.startsWith('*')) tables.push((table = { name: line.slice(1), chains: [] }));
    else if (line.startsWith(':') && table) table.chains.push({ name: line.slice(1).split(' ')[0], rules: [] });
    else if (line.startsWith('-A ') && table) {
      const name = line.split(' ')[1];
      let chain = table.chains.find((c) => c.name === name);
      if (!chain) throw new Error(`rule for undeclared chain ${name}: ${line}`);
      chain.rules.push(line);
    }
  }
  return tables;
}

export function sortIPTablesRules(text: string): string {
  const tables = parseTables(text);
  tables.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const table of tables) {
    table.chains.sort((a, b) => {
      const rank = (c: Chain) => (c.name === 'KUBE-NODEPORTS' ? 0 : c.name === 'KUBE-SERVICES' ? 1 : c.name.startsWith('KUBE-') ? 2 : 3);
      const ra = rank(a);
      const rb = rank(b);
      if (ra !== rb) return ra - rb;
      return a.name < b.name ? -1 : a.name > b.name ? 1 : 0;
    });
    for (const chain of table.chains) {
      if (chain.name === 'KUBE-NODEPORTS') chain.rules.sort(orderByCommentServiceName);
      if (chain.name === 'KUBE-SERVICES') {
        if (table.name === 'nat') {
          chain.rules.sort((a, b) => {
            const lastA = (commentOf(a) ?? '').includes('must be the last rule');
            const lastB = (commentOf(b) ?? '').includes('must be the last rule');
            if (lastA !== lastB) return lastA ? 1 : -1;
            return orderByCommentServiceName(a, b);
          });
        } else chain.rules.sort(orderByCommentServiceName);
      }
    }
  }
  const out: string[] = [];
  for (const table of tables) {
    out.push(`*${table.name}`);
    for (const chain of table.chains) out.push(`:${chain.name} - [0:0]`);
    for (const chain of table.chains) out.push(...chain.rules);
    out.push('COMMIT');
  }
  return out.join('\n') + '\n';
}

/** dedent.Dedent for the expected dumps below. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^\s*/.exec(l)![0].length));
  return lines.map((l) => l.slice(indent)).join('\n').replace(/\s+$/, '') + '\n';
}
