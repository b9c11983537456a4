import { describe, expect, it } from 'vitest'
import { addInquiries, call, setupDesk, signIn } from '../../test/setup.ts'

type Template = {
  id: number
  category: string | null
  title: string
  body: string
  isActive: boolean
}

describe('/templates', () => {
  it("a manager creates templates; a responder lists those of an inquiry's category and fills one for it", async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    const make = async (category: string | null, title: string, body: string) => {
      const res = await call(desk, manager, 'POST', '/templates', { category, title, body })
      expect(res.status).toBe(201)
      return ((await res.json()) as { template: Template }).template
    }
    const noise = await make(
      '噪声扰民',
      '噪声答复',
      '您于{来件日期}反映的噪声问题（工单{工单编号}）已转执法部门处理。',
    )
    const any = await make(null, '通用答复', '您好，您的来信已收到。')
    await make('违章建筑', '违建答复', '已立案调查。')

    const responder = await signIn(desk, 'responder')
    const list = await call(desk, responder, 'GET', '/templates?category=噪声扰民')
    expect(list.status).toBe(200)
    expect(
      ((await list.json()) as { templates: Template[] }).templates.map((t) => t.id).sort(),
    ).toEqual([noise.id, any.id].sort())

    const [inquiry] = await addInquiries(desk.db, [
      { externalId: 'GD-2024-001', category: '噪声扰民' },
    ])
    const fill = await call(
      desk,
      responder,
      'GET',
      `/templates/${noise.id}/fill?inquiryId=${inquiry!.id}`,
    )
    expect(fill.status).toBe(200)
    expect(await fill.json()).toMatchObject({
      text: '您于2024年9月27日反映的噪声问题（工单GD-2024-001）已转执法部门处理。',
      unfilled: [],
    })

    const off = await call(desk, manager, 'PATCH', `/templates/${noise.id}`, { isActive: false })
    expect(off.status).toBe(200)
    expect(((await off.json()) as { template: Template }).template).toMatchObject({
      id: noise.id,
      isActive: false,
    })
  })

  it('answers 422 for a blank title, 404 for an unknown template or inquiry, 403 for a responder creating one', async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    const blank = await call(desk, manager, 'POST', '/templates', {
      category: null,
      title: '',
      body: '内容',
    })
    expect(blank.status).toBe(422)
    expect(JSON.stringify(await blank.json())).toContain('title')
    expect((await call(desk, manager, 'PATCH', '/templates/999', { isActive: false })).status).toBe(
      404,
    )
    const created = (await (
      await call(desk, manager, 'POST', '/templates', {
        category: null,
        title: '通用',
        body: '您好',
      })
    ).json()) as { template: Template }
    expect(
      (await call(desk, manager, 'GET', `/templates/${created.template.id}/fill?inquiryId=999`))
        .status,
    ).toBe(404)
    const responder = await signIn(desk, 'responder')
    expect(
      (
        await call(desk, responder, 'POST', '/templates', {
          category: null,
          title: '通用',
          body: '您好',
        })
      ).status,
    ).toBe(403)
  })

  it('answers 422 for a template with an unknown placeholder or full-width braces, naming them and the known ones', async () => {
    const desk = await setupDesk()
    const manager = await signIn(desk, 'manager')
    const unknown = await call(desk, manager, 'POST', '/templates', {
      category: null,
      title: '未知占位符',
      body: '{市民名字}您好：{来件编号}已处理。',
    })
    expect(unknown.status).toBe(422)
    const u = (await unknown.json()) as {
      error: { details: { path: string[]; message: string }[] }
    }
    expect(u.error.details).toEqual([
      {
        path: ['body'],
        message:
          'Unknown placeholder {市民名字}, {来件编号}: the desk fills {citizenName} {市民姓名} {receivedDate} {来件日期} {trackingNumber} {工单编号} {department} {承办单位}',
      },
    ])
    const fullWidth = await call(desk, manager, 'POST', '/templates', {
      category: null,
      title: '全角占位符',
      body: '｛市民姓名｝您好：您反映的问题已由｛承办单位｝处理。',
    })
    expect(fullWidth.status).toBe(422)
    const f = (await fullWidth.json()) as { error: { details: { message: string }[] } }
    expect(f.error.details.map((x) => x.message)).toEqual([
      '｛市民姓名｝: use {市民姓名} (ASCII braces)',
      '｛承办单位｝: use {承办单位} (ASCII braces)',
    ])

    const ok = await call(desk, manager, 'POST', '/templates', {
      category: null,
      title: '通用',
      body: '{市民姓名}您好',
    })
    expect(ok.status).toBe(201)
    const { template } = (await ok.json()) as { template: Template }
    const patch = await call(desk, manager, 'PATCH', `/templates/${template.id}`, {
      body: '{市民姓名}您好，{办理结果}',
    })
    expect(patch.status).toBe(422)
    expect(JSON.stringify(await patch.json())).toContain('{办理结果}')
    const list = (await (await call(desk, manager, 'GET', '/templates')).json()) as {
      templates: Template[]
    }
    expect(list.templates.map((t) => t.title)).toEqual(['通用'])
    expect(list.templates[0]!.body).toBe('{市民姓名}您好')
  })
})
