/**
 * Table semantics for antd's virtual table, whose body is a list of divs outside the header's
 * <table>: without roles a screen reader reads the rows as loose text and links, with no column
 * headers or position. The whole table (`QueueTableFrame`) is one ARIA table: the header's
 * <table> element is only layout (role presentation) and its thead/tr/th carry rowgroup, row and
 * columnheader explicitly, the virtual body is a rowgroup of rows of cells, and each row says its
 * place among all rows (`aria-rowindex`, with `aria-rowcount` on the table), since only the rows
 * in sight are in the DOM (WAI-ARIA 1.2, table role and aria-rowindex).
 */
import type { ComponentProps, ReactNode } from 'react'

/** antd Table `components`: the roles above on the header and on the virtual body. */
export const QUEUE_TABLE_COMPONENTS = {
  table: (props: ComponentProps<'table'>) => <table {...props} role="presentation" />,
  header: {
    wrapper: (props: ComponentProps<'thead'>) => <thead {...props} role="rowgroup" />,
    row: (props: ComponentProps<'tr'>) => <tr {...props} role="row" aria-rowindex={1} />,
    cell: (props: ComponentProps<'th'>) => <th {...props} role="columnheader" />,
  },
  body: {
    wrapper: (props: ComponentProps<'div'>) => <div {...props} role="rowgroup" />,
    row: (props: ComponentProps<'div'>) => <div {...props} role="row" />,
    cell: (props: ComponentProps<'div'>) => <div {...props} role="cell" />,
  },
}

/** The table's frame: `rowCount` rows in all (the header row included), `label` its name. */
export function QueueTableFrame(props: { label: string; rowCount?: number; children: ReactNode }) {
  return (
    <div role="table" aria-label={props.label} aria-rowcount={props.rowCount ?? -1}>
      {props.children}
    </div>
  )
}
