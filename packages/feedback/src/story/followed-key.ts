/**
 * localStorage: how many stories this device follows (written by memory.ts when persistence is on), so that the
 * help panel knows, before loading anything, that it may have an answer to look for. Alone in its module: the
 * panel's chunk imports this name and nothing more.
 */
export const FOLLOWED_KEY = 'aide:stories-followed';
