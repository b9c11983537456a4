/**
 * Buttons for lifecycle actions, as the domain's `canDo` answers them (`useCanDo`), and the row
 * that says why the disabled ones are refused.
 *
 * A `GatedButton` is absent when the action does not belong to the inquiry's status, disabled when
 * the lifecycle refuses it (holder, role, duplicate, clock), enabled otherwise. Its refusal is said
 * as visible text, not as a tooltip: a disabled button opens no tooltip in many browsers, a touch
 * screen never hovers and a screen reader reads what `aria-describedby` points at. In a card with
 * many actions the same refusal (say, "held by 张三") would repeat under every button, so the
 * buttons of one `GatedActions` row report their refusals to it and it prints each distinct one
 * once, on a short line under the row naming the actions it stops ("转办、退单：…"); each
 * disabled button is described by its line. A `GatedButton` outside a row is a row of its own.
 */
import { Button, Flex, Typography, type ButtonProps, type FlexProps } from 'antd'
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useId,
  useMemo,
  useState,
  type ReactNode,
} from 'react'
import { useTranslation } from 'react-i18next'
import type { Gate } from '../lib/can-do.ts'

/** A disabled button's refusal as its row keeps it: the button's label (when text) and why. */
type Refused = { label: string | null; refusal: string }

type Row = {
  /** Sets (or with null, clears) what the button `key` is refused for. */
  report: (key: string, refused: Refused | null) => void
  /** The id of the line saying `refusal`, once the row shows it. */
  lineId: (refusal: string) => string | undefined
}

const RowContext = createContext<Row | null>(null)

type ActionsProps = Omit<FlexProps, 'children'> & { children: ReactNode }

/**
 * A row of actions (a wrapping `Flex`, gap 8; `justify`, `style` and the like pass to it) with the
 * refusals of its disabled `GatedButton`s under it, one line per distinct refusal.
 */
export function GatedActions({ children, ...flex }: ActionsProps) {
  const { t } = useTranslation()
  const id = useId()
  const [refused, setRefused] = useState<ReadonlyMap<string, Refused>>(new Map())
  const report = useCallback((key: string, entry: Refused | null) => {
    setRefused((before) => {
      const old = before.get(key)
      if (
        entry === null
          ? old === undefined
          : old?.refusal === entry.refusal && old.label === entry.label
      )
        return before
      const after = new Map(before)
      if (entry === null) after.delete(key)
      else after.set(key, entry)
      return after
    })
  }, [])
  // each refusal once, with the labels of the buttons it stops, in the order the buttons came
  const lines = useMemo(() => {
    const byRefusal = new Map<string, string[]>()
    for (const { label, refusal } of refused.values()) {
      const labels = byRefusal.get(refusal) ?? []
      if (label !== null) labels.push(label)
      byRefusal.set(refusal, labels)
    }
    return [...byRefusal].map(([refusal, labels], i) => ({ refusal, labels, id: `${id}-${i}` }))
  }, [refused, id])
  const row = useMemo<Row>(
    () => ({ report, lineId: (refusal) => lines.find((l) => l.refusal === refusal)?.id }),
    [report, lines],
  )
  return (
    // the lines sit under the buttons: at the right when the row is (a form's submit)
    <Flex vertical gap={4} align={flex.justify === 'flex-end' ? 'flex-end' : undefined}>
      <Flex gap={8} wrap {...flex}>
        <RowContext.Provider value={row}>{children}</RowContext.Provider>
      </Flex>
      {lines.map((line) => (
        <Typography.Text key={line.id} type="secondary" data-testid="gate-refusal">
          {line.labels.length > 0 && (
            <>
              {line.labels.join(t('app.gate.labelJoin'))}
              {t('app.gate.labelEnd')}
            </>
          )}
          <span id={line.id}>{line.refusal}</span>
        </Typography.Text>
      ))}
    </Flex>
  )
}

type Props = ButtonProps & { gate: Gate }

export function GatedButton(props: Props) {
  const row = useContext(RowContext)
  if (!props.gate.shown) return null
  if (row === null)
    return (
      <GatedActions>
        <GatedButton {...props} />
      </GatedActions>
    )
  return <RowButton row={row} {...props} />
}

function RowButton({ row, gate, disabled, ...button }: Props & { row: Row }) {
  const key = useId()
  const { refusal } = gate
  const label = typeof button.children === 'string' ? button.children : null
  const { report } = row
  useEffect(() => {
    report(key, refusal === null ? null : { label, refusal })
  }, [report, key, refusal, label])
  useEffect(() => () => report(key, null), [report, key])
  return (
    <Button
      {...button}
      disabled={disabled === true || refusal !== null}
      aria-describedby={refusal === null ? undefined : row.lineId(refusal)}
    />
  )
}
