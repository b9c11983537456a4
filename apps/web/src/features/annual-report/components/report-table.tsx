/** A table of the report as the files lay it out: header cells bold, merged cells spanning. */
import type { AnnualReportResponse } from '../api/annual-report-queries.ts'

type Block = AnnualReportResponse['blocks'][number]
export type TableBlock = Extract<Block, { type: 'table' }>

const border = { border: '1px solid #8c8c8c', padding: '4px 8px', textAlign: 'center' } as const

export function ReportTable({ block, label }: { block: TableBlock; label: string }) {
  return (
    <div style={{ overflowX: 'auto', marginBottom: 16 }}>
      <table aria-label={label} style={{ borderCollapse: 'collapse', width: '100%', fontSize: 13 }}>
        <tbody>
          {block.rows.map((row, i) => (
            <tr key={i}>
              {row.map((cell, j) => {
                const Tag = cell.header ? 'th' : 'td'
                return (
                  <Tag
                    key={j}
                    colSpan={cell.colSpan}
                    rowSpan={cell.rowSpan}
                    style={{
                      ...border,
                      fontWeight: cell.header ? 600 : 400,
                      background: cell.header ? '#fafafa' : undefined,
                    }}
                  >
                    {cell.text}
                  </Tag>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
