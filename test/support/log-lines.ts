/**
 * The keys that occur more than once in one object of a JSON text (`JSON.parse` keeps the last one and
 * says nothing). pino writes a child logger's fields as they come, so two bindings of one key make a
 * line with that key twice.
 */
export function duplicateKeys(json: string): string[] {
  JSON.parse(json); // a valid JSON text first
  const duplicates: string[] = [];
  const objects: (Set<string> | null)[] = []; // null: inside an array
  let expectKey = false;
  for (let i = 0; i < json.length; i++) {
    const ch = json[i];
    if (ch === '"') {
      let end = i + 1;
      while (json[end] !== '"') end += json[end] === '\\' ? 2 : 1;
      const text = JSON.parse(json.slice(i, end + 1)) as string;
      const keys = objects[objects.length - 1];
      if (expectKey && keys) {
        if (keys.has(text)) duplicates.push(text);
        keys.add(text);
      }
      expectKey = false;
      i = end;
    } else if (ch === '{') {
      objects.push(new Set());
      expectKey = true;
    } else if (ch === '[') {
      objects.push(null);
    } else if (ch === '}' || ch === ']') {
      objects.pop();
    } else if (ch === ',') {
      expectKey = objects[objects.length - 1] instanceof Set;
    }
  }
  return duplicates;
}
