/**
 * A button for one lifecycle action, as the domain's `canDo` answers it (`useCanDo`): absent when
 * the action does not belong to the inquiry's status, disabled with the refusal as its tooltip when
 * the lifecycle refuses it (holder, role, duplicate, clock), enabled otherwise.
 */
import { Button, Tooltip, type ButtonProps } from 'antd'
import type { Gate } from '../lib/can-do.ts'

type Props = ButtonProps & { gate: Gate }

export function GatedButton({ gate, disabled, ...button }: Props) {
  if (!gate.shown) return null
  return (
    <Tooltip title={gate.refusal}>
      <Button {...button} disabled={disabled === true || gate.refusal !== null} />
    </Tooltip>
  )
}
