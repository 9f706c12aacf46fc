// A grid that draws only the rows in view (plus a few either side), so tens of thousands of entries scroll as fast as
// ten: the rows live in memory, the DOM holds ~40. ARIA grid semantics: aria-rowcount/aria-rowindex tell a screen
// reader where a row is in the whole table; the focused grid names the selected row with aria-activedescendant.
// Arrow keys, Page Up/Down, Home and End move the selection; Enter opens the details.
import { element } from '../dom';

export interface Column<T> {
  header: string;
  className: string;
  value: (row: T) => string;
}

const rowHeight = 24;
const overscan = 8;

export class VirtualGrid<T> {
  readonly root: HTMLElement;
  private readonly viewport: HTMLElement;
  private readonly spacer: HTMLElement;
  private readonly body: HTMLElement;
  private rows: T[] = [];
  private selectedIndex = -1;

  constructor(
    label: string,
    private readonly columns: Column<T>[],
    private readonly handlers: {
      onSelect: (row: T) => void;
      onOpen: (row: T) => void;
      /** Called when the user nears the end of the loaded rows, or they do not fill the view. */
      onNearEnd: () => void;
    },
  ) {
    const header = element(
      'div',
      { className: 'grid-row grid-header', attributes: { role: 'row', 'aria-rowindex': '1' } },
      columns.map((c) =>
        element('div', { className: `cell ${c.className}`, text: c.header, attributes: { role: 'columnheader' } }),
      ),
    );
    this.body = element('div', { className: 'grid-body', attributes: { role: 'rowgroup' } });
    this.spacer = element('div', { className: 'grid-spacer' }, [this.body]);
    this.viewport = element(
      'div',
      {
        className: 'grid-viewport',
        attributes: { role: 'grid', 'aria-label': label, tabindex: '0', 'aria-rowcount': '1' },
      },
      [element('div', { attributes: { role: 'rowgroup' } }, [header]), this.spacer],
    );
    this.root = this.viewport;
    this.viewport.addEventListener('scroll', () => this.draw());
    this.viewport.addEventListener('keydown', (event) => this.key(event));
    new ResizeObserver(() => this.draw()).observe(this.viewport);
  }

  get loaded(): number {
    return this.rows.length;
  }

  get inDom(): number {
    return this.body.childElementCount;
  }

  get selected(): T | undefined {
    return this.rows[this.selectedIndex];
  }

  setRows(rows: T[]): void {
    this.rows = rows;
    if (this.selectedIndex >= rows.length) this.selectedIndex = -1;
    if (rows.length === 0) this.viewport.scrollTop = 0;
    this.draw();
  }

  append(rows: T[]): void {
    this.rows.push(...rows);
    this.draw();
  }

  focus(): void {
    this.viewport.focus();
  }

  private draw(): void {
    const total = this.rows.length;
    this.viewport.setAttribute('aria-rowcount', String(total + 1));
    this.spacer.style.height = `${total * rowHeight}px`;
    const visible = Math.ceil(this.viewport.clientHeight / rowHeight);
    const first = Math.max(0, Math.floor(this.viewport.scrollTop / rowHeight) - overscan);
    const last = Math.min(total, first + visible + 2 * overscan);
    this.body.style.transform = `translateY(${first * rowHeight}px)`;
    const drawn: HTMLElement[] = [];
    for (let index = first; index < last; index++) drawn.push(this.rowElement(index));
    this.body.replaceChildren(...drawn);
    if (this.selectedIndex >= first && this.selectedIndex < last)
      this.viewport.setAttribute('aria-activedescendant', rowId(this.selectedIndex));
    else this.viewport.removeAttribute('aria-activedescendant');
    if (last + overscan >= total) this.handlers.onNearEnd();
  }

  private rowElement(index: number): HTMLElement {
    const row = this.rows[index];
    const selected = index === this.selectedIndex;
    const element_ = element(
      'div',
      {
        className: `grid-row${selected ? ' selected' : ''}`,
        attributes: {
          role: 'row',
          id: rowId(index),
          'aria-rowindex': String(index + 2),
          'aria-selected': String(selected),
        },
      },
      this.columns.map((c) =>
        element('div', { className: `cell ${c.className}`, text: c.value(row), attributes: { role: 'gridcell' } }),
      ),
    );
    element_.addEventListener('click', () => this.select(index));
    element_.addEventListener('dblclick', () => this.handlers.onOpen(row));
    return element_;
  }

  select(index: number): void {
    if (index < 0 || index >= this.rows.length) return;
    this.selectedIndex = index;
    // Scroll just enough to show it.
    const top = index * rowHeight;
    if (top < this.viewport.scrollTop) this.viewport.scrollTop = top;
    const bottom = top + rowHeight - this.viewport.clientHeight + rowHeight; // the sticky header takes a row
    if (bottom > this.viewport.scrollTop) this.viewport.scrollTop = bottom;
    this.draw();
    this.handlers.onSelect(this.rows[index]);
  }

  private key(event: KeyboardEvent): void {
    const page = Math.max(1, Math.floor(this.viewport.clientHeight / rowHeight) - 1);
    const moves: Record<string, number> = {
      ArrowDown: this.selectedIndex + 1,
      ArrowUp: this.selectedIndex - 1,
      PageDown: this.selectedIndex + page,
      PageUp: this.selectedIndex - page,
      Home: 0,
      End: this.rows.length - 1,
    };
    if (event.key in moves) {
      event.preventDefault();
      this.select(Math.min(this.rows.length - 1, Math.max(0, moves[event.key])));
    } else if (event.key === 'Enter' && this.selected) {
      event.preventDefault();
      this.handlers.onOpen(this.selected);
    }
  }
}

const rowId = (index: number) => `log-row-${index}`;
