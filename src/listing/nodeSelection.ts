import type { ProductSelection } from '../platforms/types';

const NODE_PREFIX = 'edges.node.';

/** The Product selection below `edges.node`, from the selection below the connection field. */
export function nodeSelectionOf(connectionSelection: ProductSelection): ProductSelection {
  const paths = new Set<string>();
  for (const path of connectionSelection) if (path.startsWith(NODE_PREFIX)) paths.add(path.slice(NODE_PREFIX.length));
  return paths;
}
