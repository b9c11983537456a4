import { describe, expect, it } from 'vitest'
import { mayManageAccount, type UserRole } from './user.ts'

const admin = { id: 1, role: 'admin' as const }
const security = { id: 2, role: 'security_admin' as const }
const setRole = (actor: { id: number; role: UserRole }, from: UserRole, to: UserRole) =>
  mayManageAccount(actor, 'setRole', { id: 9, role: from }, to)

describe('who changes a role (三员分立)', () => {
  it('leaves the business roles to the admin: a security admin neither gives nor takes away manager', () => {
    expect(setRole(admin, 'responder', 'manager')).toBe(true)
    expect(setRole(admin, 'manager', 'responder')).toBe(true)
    expect(setRole(security, 'responder', 'manager')).toBe(false)
    expect(setRole(security, 'manager', 'responder')).toBe(false)
    expect(setRole(security, 'manager', 'auditor')).toBe(false)
    expect(setRole(security, 'admin', 'manager')).toBe(false)
  })

  it('leaves the administrative roles to the security admin, revoked down to responder', () => {
    expect(setRole(security, 'responder', 'auditor')).toBe(true)
    expect(setRole(security, 'responder', 'admin')).toBe(true)
    expect(setRole(security, 'admin', 'responder')).toBe(true)
    expect(setRole(security, 'auditor', 'security_admin')).toBe(true)
    expect(setRole(admin, 'responder', 'auditor')).toBe(false)
    expect(setRole(admin, 'manager', 'admin')).toBe(false)
  })

  it('refuses a change of one’s own role', () => {
    expect(mayManageAccount(security, 'setRole', { id: 2, role: 'security_admin' }, 'admin')).toBe(
      false,
    )
  })
})

describe('who resets a password or locks an account (三员分立)', () => {
  const on = (action: 'resetPassword' | 'setActive', role: UserRole) =>
    mayManageAccount(security, action, { id: 9, role }, undefined)

  it('lets the security admin reset and lock only the inquiry-handling accounts', () => {
    expect(on('resetPassword', 'responder')).toBe(true)
    expect(on('resetPassword', 'manager')).toBe(true)
    expect(on('setActive', 'manager')).toBe(true)
  })

  it('keeps the other administrators’ accounts out of the security admin’s hands', () => {
    expect(on('resetPassword', 'admin')).toBe(false)
    expect(on('resetPassword', 'auditor')).toBe(false)
    expect(on('resetPassword', 'security_admin')).toBe(false)
    expect(on('setActive', 'admin')).toBe(false)
    expect(on('setActive', 'auditor')).toBe(false)
    expect(on('setActive', 'security_admin')).toBe(true)
  })
})
