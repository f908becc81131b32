// Whether text is cut inside a word: each word of each element, measured on one line, against
// the width the element gives it. Browsers here have no Polish hyphenation dictionary, so a word
// wider than its box is broken anywhere ("Zdecydo|wanie").

/** The words wider than their element, as "word in N px" (empty when none is cut). */
export function cutWords(elements: Iterable<HTMLElement>): string[] {
  const probe = document.createElement('span');
  probe.style.cssText = 'position: absolute; white-space: nowrap; visibility: hidden';
  const cut: string[] = [];
  for (const element of elements) {
    probe.textContent = ''; // not part of the element's own words
    element.append(probe);
    const room = element.getBoundingClientRect().width;
    for (const word of (element.textContent ?? '').trim().split(/\s+/).filter(Boolean)) {
      probe.textContent = word;
      if (probe.getBoundingClientRect().width > room + 0.5) cut.push(`"${word}" in ${Math.round(room)}px`);
    }
    probe.remove();
  }
  return cut;
}

/** The elements sticking out past `right` (WCAG 1.4.10), by their text. */
export function overflowing(elements: Iterable<Element>, right: number): string[] {
  return [...elements].filter((e) => e.getBoundingClientRect().right > right + 0.5).map((e) => e.textContent!.trim());
}
