/**
 * The rulebook, rendered from rules/RULEBOOK.md (English) or RULEBOOK.fr.md (French). Each is
 * a document the build emits as its own asset and the page fetches in the reader's language
 * only, rather than code every visitor downloads in both languages.
 */
import { marked } from 'marked';
import type { Lang } from '../../engine/index.js';
import enUrl from '../../../rules/RULEBOOK.md?url';
import frUrl from '../../../rules/RULEBOOK.fr.md?url';

/** The rulebook as HTML, in `lang`. The source is the project's own file (trusted). Rejects when it cannot be fetched. */
export async function rulebookHtml(lang: Lang): Promise<string> {
  const response = await fetch(lang === 'fr' ? frUrl : enUrl);
  if (!response.ok) throw new Error(`rulebook: HTTP ${response.status}`);
  return marked.parse(await response.text(), { async: false });
}
