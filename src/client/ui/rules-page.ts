/** The rulebook, rendered from rules/RULEBOOK.md (English) or RULEBOOK.fr.md (French). */
import { marked } from 'marked';
import type { Lang } from '../../engine/index.js';
import en from '../../../rules/RULEBOOK.md?raw';
import fr from '../../../rules/RULEBOOK.fr.md?raw';

/** The rulebook as HTML, in `lang`. The source is the project's own file (trusted). */
export function rulebookHtml(lang: Lang): string {
  return marked.parse(lang === 'fr' ? fr : en, { async: false });
}
