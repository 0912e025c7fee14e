/**
 * The busy state's mark (see busy.ts): a control waiting for an answer shows a turning ring after its label, and the
 * "progress" cursor. Without motion (reduced motion), the ring stands still, still visible. Added by BusyController to
 * the elements that use it, and by the launcher (a module of its own: the panel and the walkthrough do not carry it).
 */
export const busyCss = `
[data-busy] { cursor: progress; }
[data-busy]::after {
  content: ''; flex: none; display: inline-block; width: 1em; height: 1em; margin-inline-start: 0.5em;
  border: 0.15em solid; border-inline-end-color: transparent; border-radius: 50%; animation: aide-busy 0.8s linear infinite;
}
@keyframes aide-busy { to { transform: rotate(1turn); } }
@media (prefers-reduced-motion: reduce) { [data-busy]::after { animation: none; } }
`;
