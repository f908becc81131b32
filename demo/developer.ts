// The developer demo: question elements composed in a native form, with their events logged.
import '../src/elements.js';

const form = document.querySelector<HTMLFormElement>('#form')!;
const log = document.querySelector('#log')!;
const write = (line: string) => (log.textContent = `${line}\n${log.textContent}`);

Object.assign(document.querySelector('ankieta-choice')!, {
  options: [
    { value: 'mayor', label: 'Mayor or board member' },
    { value: 'councillor', label: 'Councillor' },
    { value: 'staff', label: 'Local government staff' },
  ],
});
Object.assign(document.querySelector('ankieta-matrix')!, {
  rows: [
    { id: 'venue', label: 'Venue' },
    { id: 'timing', label: 'Timing' },
    { id: 'catering', label: 'Catering' },
  ],
});

for (const type of ['input', 'change']) {
  form.addEventListener(type, (event) => {
    const target = event.target as HTMLElement & { name?: string; value?: unknown };
    if (target.localName.startsWith('ankieta-')) write(`${type} ${target.name} = ${JSON.stringify(target.value)}`);
  });
}
form.addEventListener('submit', (event) => {
  event.preventDefault();
  write(`submit ${JSON.stringify([...new FormData(form)])}`);
});
form.addEventListener('reset', () => write('reset'));
document.querySelector<HTMLInputElement>('#disable')!.addEventListener('change', (event) => {
  document.querySelector<HTMLFieldSetElement>('#group')!.disabled = (event.target as HTMLInputElement).checked;
});
