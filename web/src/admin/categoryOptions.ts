interface CategoryLevel {
  id: string;
  name: string;
  children?: readonly CategoryLevel[];
}

/** The category tree as one list for a select, each entry named with its parents: "Home › Kitchen". */
export function categoryOptions(roots: readonly CategoryLevel[], parents = ''): { id: string; name: string }[] {
  return roots.flatMap((c) => {
    const name = parents ? `${parents} › ${c.name}` : c.name;
    return [{ id: c.id, name }, ...categoryOptions(c.children ?? [], name)];
  });
}
