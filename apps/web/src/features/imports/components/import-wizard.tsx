/**
 * The import wizard: pick a channel, drop one CSV or XLSX (the domain's IMPORT_LIMITS and the
 * one-file rule are said before the upload; the 50 MB one and several dropped files are refused
 * before it starts), pick the sheet, check the preview of the first rows with the detected
 * encoding and the mapping (every header has a drop-down of inquiry fields; a mapping can be saved
 * as a named preset of the channel), choose the date order when the preview or a run finds a date
 * that reads two ways (12/01/2026), run a dry run on the whole file, then import, each step of the
 * job shown with its real counts. A refused or failed import keeps the staged file: change an
 * option and import again. Jobs run on the server: the page can be left.
 */
import {
  DATE_ORDERS,
  ambiguousDates,
  IMPORT_FIELDS,
  IMPORT_LIMITS,
  REQUIRED_IMPORT_FIELDS,
  limitMb,
  takesMessages,
  type DateOrder,
} from '@desk/domain'
import { useQuery } from '@tanstack/react-query'
import {
  Alert,
  Button,
  Flex,
  Input,
  InputNumber,
  Select,
  Space,
  Table,
  Tag,
  Typography,
  Upload,
} from 'antd'
import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { channelName, channelQueries } from '../../../lib/channels.ts'
import { errorText } from '../../../lib/error-text.ts'
import { importErrorText } from '../../../lib/import-issues.ts'
import {
  usePreviewUpload,
  useRefreshQueue,
  useSavePreset,
  useStartJob,
  useUploadFile,
  type ImportJob,
  type ReadOptions,
} from '../api/imports-queries.ts'
import { JobProgress } from './job-progress.tsx'

/**
 * The zones a file's times may be in: every IANA zone the browser knows (the API checks the same
 * names), Beijing time first and named.
 */
function timeZoneOptions(beijing: string) {
  const zones = Intl.supportedValuesOf('timeZone').filter((z) => z !== 'Asia/Shanghai')
  return [
    { value: 'Asia/Shanghai', label: `Asia/Shanghai（${beijing}）` },
    { value: 'UTC', label: 'UTC' },
    ...zones.filter((z) => z !== 'UTC').map((z) => ({ value: z, label: z })),
  ]
}

type Preview = NonNullable<ReturnType<typeof usePreviewUpload>['data']>
/** header -> field ('' = not imported) */
type Mapping = Record<string, string>

const MB = 1024 * 1024

function toMapping(preview: Preview['preview']): Mapping {
  const byHeader: Mapping = Object.fromEntries(preview.headers.map((h) => [h, '']))
  for (const [field, header] of Object.entries(preview.mapping))
    if (header) byHeader[header] = field
  return byHeader
}

const mapEntries = (m: Mapping) =>
  Object.entries(m)
    .filter(([h, f]) => h !== '' && f !== '')
    .map(([h, f]) => `${h}=${f}`)

export function ImportWizard() {
  const { t, i18n } = useTranslation()
  const channels = useQuery(channelQueries.list())
  const upload = useUploadFile()
  const preview = usePreviewUpload()
  const savePreset = useSavePreset()
  const startJob = useStartJob()
  const refreshQueue = useRefreshQueue()
  const [channel, setChannel] = useState<string>()
  // why the chosen file(s) were not uploaded (too big, several at once)
  const [notSent, setNotSent] = useState<string>()
  const [mapping, setMapping] = useState<Mapping>({})
  const [tz, setTz] = useState('Asia/Shanghai')
  const zoneOptions = useMemo(() => timeZoneOptions(t('imports.wizard.beijingTime')), [t])
  const [presetName, setPresetName] = useState('')
  const [dryRunId, setDryRunId] = useState<number>()
  const [importId, setImportId] = useState<number>()
  // the status the import ended with; a refused or failed one may be run again
  const [importEnd, setImportEnd] = useState<string>()
  const [dateOrder, setDateOrder] = useState<DateOrder>()
  // a finished run refused a date that reads two ways
  const [runFoundAmbiguous, setRunFoundAmbiguous] = useState(false)

  const uploadId = upload.data?.id
  const shown = preview.data?.preview

  function runPreview(id: string, code: string, opts: ReadOptions = {}) {
    setDryRunId(undefined)
    preview.mutate(
      { uploadId: id, channel: code, ...opts },
      { onSuccess: (p) => setMapping(toMapping(p.preview)) },
    )
  }

  function reset() {
    setNotSent(undefined)
    setDryRunId(undefined)
    setImportId(undefined)
    setImportEnd(undefined)
    setDateOrder(undefined)
    setRunFoundAmbiguous(false)
    preview.reset()
  }

  /** Several files at once: none is uploaded, and the user is told to take them one by one. */
  function onSeveral(files: readonly File[]) {
    reset()
    setNotSent(
      t('imports.upload.several', {
        count: files.length,
        names: files.map((f) => f.name).join('、'),
      }),
    )
  }

  function onFile(file: File) {
    reset()
    if (file.size > IMPORT_LIMITS.uploadBytes) {
      setNotSent(
        t('imports.upload.tooBig', {
          size: (file.size / MB).toFixed(1),
          limit: limitMb(IMPORT_LIMITS.uploadBytes),
        }),
      )
      return
    }
    upload.mutate(file, { onSuccess: (u) => channel && runPreview(u.id, channel) })
  }

  const mapped = new Set(Object.values(mapping).filter((f) => f !== ''))
  const missing = REQUIRED_IMPORT_FIELDS.filter((f) => !mapped.has(f))
  const jobInput = () => ({
    uploadId: uploadId ?? '',
    channel: channel ?? '',
    sheet: shown?.sheet ?? undefined,
    // the header row the preview shows (found or chosen), so the run reads the rows shown
    headerRow: shown?.headerRow,
    preset: null,
    map: mapEntries(mapping),
    tz,
    ...(dateOrder ? { dateOrder } : {}),
  })
  // an import runs once, unless it was refused or failed (its file is kept for another try)
  const importLocked = importId !== undefined && importEnd !== 'rejected' && importEnd !== 'failed'
  // the dates of the time columns as the user maps them now (the server's list follows its own
  // automatic mapping, which the user may have changed)
  const ambiguous = useMemo(() => {
    if (!shown) return []
    const columns = shown.headers.flatMap((column, index) =>
      mapping[column] === 'receivedAt' || mapping[column] === 'repliedAt'
        ? [{ index, column }]
        : [],
    )
    return ambiguousDates(shown.rows, columns)
  }, [shown, mapping])
  const askDateOrder = ambiguous.length > 0 || runFoundAmbiguous || dateOrder !== undefined
  const onRunEnd = (job: ImportJob) =>
    setRunFoundAmbiguous((found) => found || job.errors.some((e) => e.code === 'ambiguous_date'))

  return (
    <Space orientation="vertical" size="large" style={{ width: '100%' }}>
      <Flex gap={8} align="center" wrap>
        <label htmlFor="import-channel">{t('imports.wizard.channel')}</label>
        <Select
          id="import-channel"
          style={{ minWidth: 220 }}
          value={channel}
          placeholder={t('imports.wizard.channelPlaceholder')}
          options={(channels.data ?? [])
            // proposals and disclosure requests have registers of their own, not message imports
            .filter((c) => c.isActive && takesMessages(c.code))
            .map((c) => ({ value: c.code, label: channelName(c, i18n.language) }))}
          onChange={(code: string) => {
            setChannel(code)
            if (uploadId) runPreview(uploadId, code)
          }}
        />
      </Flex>

      <Upload.Dragger
        accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        // every dropped file reaches beforeUpload, so several are refused with a reason; with
        // multiple={false} antd would take the first one silently
        multiple
        showUploadList={false}
        disabled={!channel || upload.isPending}
        beforeUpload={(file, fileList) => {
          // called once per file of a drop: the drop is judged once, at its first file
          if (fileList.length > 1) {
            if (file === fileList[0]) onSeveral(fileList)
          } else onFile(file)
          return false
        }}
      >
        <p>{t('imports.upload.drop')}</p>
        <Typography.Text type="secondary">
          {t('imports.upload.limit', { limit: limitMb(IMPORT_LIMITS.uploadBytes) })}
        </Typography.Text>
        <br />
        <Typography.Text type="secondary">
          {t('imports.upload.contentLimits', {
            unzipped: limitMb(IMPORT_LIMITS.unzippedBytes),
            rows: IMPORT_LIMITS.rows.toLocaleString(i18n.language),
            cells: IMPORT_LIMITS.cells.toLocaleString(i18n.language),
          })}
        </Typography.Text>
        {!channel && <p>{t('imports.upload.channelFirst')}</p>}
      </Upload.Dragger>
      {upload.isPending && <Typography.Text>{t('imports.upload.uploading')}</Typography.Text>}
      {notSent && <Alert type="error" showIcon title={notSent} />}
      {upload.error && <Alert type="error" showIcon title={importErrorText(upload.error)} />}
      {preview.error && <Alert type="error" showIcon title={importErrorText(preview.error)} />}

      {shown && uploadId && channel && (
        <>
          <Flex gap={12} align="center" wrap>
            <Typography.Text strong>{upload.data?.fileName}</Typography.Text>
            {shown.encoding && (
              <Tag data-testid="encoding">
                {t('imports.preview.encoding', { encoding: shown.encoding })}
              </Tag>
            )}
            <Tag>
              {shown.totalRows === undefined
                ? t('imports.preview.firstRows', { count: shown.rows.length })
                : t('imports.preview.rows', { count: shown.totalRows })}
            </Tag>
            {shown.savedPreset && (
              <Tag color="green">
                {t('imports.preview.savedPreset', { name: shown.savedPreset })}
              </Tag>
            )}
            {!shown.savedPreset && shown.preset && (
              <Tag color="blue">
                {t('imports.preview.preset', {
                  name: t(`imports.presetNames.${shown.preset}`, { defaultValue: shown.preset }),
                })}
              </Tag>
            )}
            {shown.sheets && shown.sheets.length > 0 && (
              <>
                <label htmlFor="import-sheet">{t('imports.preview.sheet')}</label>
                <Select
                  id="import-sheet"
                  style={{ minWidth: 160 }}
                  value={shown.sheet}
                  options={shown.sheets.map((s) => ({
                    value: s,
                    label: shown.hiddenSheets?.includes(s)
                      ? t('imports.preview.hiddenSheet', { sheet: s })
                      : s,
                  }))}
                  onChange={(sheet: string) => runPreview(uploadId, channel, { sheet })}
                />
              </>
            )}
            {/* title rows above the headers are passed over; the user may name the row instead */}
            <label htmlFor="import-header-row">{t('imports.preview.headerRow')}</label>
            <InputNumber
              id="import-header-row"
              min={1}
              precision={0}
              style={{ width: 80 }}
              value={shown.headerRow}
              onChange={(row: number | null) =>
                row !== null &&
                runPreview(uploadId, channel, { sheet: shown.sheet ?? undefined, headerRow: row })
              }
            />
          </Flex>
          <Table
            size="small"
            scroll={{ x: 'max-content' }}
            pagination={false}
            rowKey="row"
            dataSource={shown.rows}
            columns={[
              { title: t('imports.preview.row'), dataIndex: 'row', width: 60, fixed: 'left' },
              ...shown.headers.map((header, index) => ({
                key: `${index}`,
                title: (
                  <Space orientation="vertical" size={4}>
                    <span>{header}</span>
                    <Select
                      aria-label={t('imports.preview.mapFor', { header })}
                      size="small"
                      style={{ minWidth: 140 }}
                      // every field in view at once: no scrolling inside the drop-down
                      virtual={false}
                      listHeight={400}
                      value={mapping[header] ?? ''}
                      onChange={(field: string) => setMapping({ ...mapping, [header]: field })}
                      options={[
                        { value: '', label: t('imports.fields.none') },
                        ...IMPORT_FIELDS.map((f) => ({
                          value: f,
                          label: t(`imports.fields.${f}`),
                        })),
                      ]}
                    />
                  </Space>
                ),
                render: (_: unknown, r: { cells: unknown[] }) => {
                  const cell = r.cells[index]
                  return (
                    <span style={{ whiteSpace: 'pre-wrap' }}>
                      {cell === null || cell === undefined ? '' : String(cell).slice(0, 200)}
                    </span>
                  )
                },
              })),
            ]}
          />
          {missing.length > 0 && (
            <Alert
              type="warning"
              showIcon
              title={t('imports.preview.missing', {
                fields: missing.map((f) => t(`imports.fields.${f}`)).join('、'),
              })}
            />
          )}
          <Flex gap={8} align="center" wrap>
            <label htmlFor="import-preset-name">{t('imports.preset.name')}</label>
            <Input
              id="import-preset-name"
              style={{ width: 200 }}
              value={presetName}
              onChange={(e) => setPresetName(e.target.value)}
            />
            <Button
              disabled={presetName.trim() === ''}
              loading={savePreset.isPending}
              onClick={() =>
                savePreset.mutate({
                  channel,
                  name: presetName.trim(),
                  headers: shown.headers.filter((h) => h !== ''),
                  columns: Object.fromEntries(
                    Object.entries(mapping).filter(([h, f]) => h !== '' && f !== ''),
                  ),
                })
              }
            >
              {t('imports.preset.save')}
            </Button>
            {savePreset.isSuccess && (
              <Typography.Text type="success">
                {t('imports.preset.saved', { name: savePreset.data.name })}
              </Typography.Text>
            )}
            {savePreset.error && (
              <Typography.Text type="danger">{errorText(savePreset.error)}</Typography.Text>
            )}
          </Flex>
          {askDateOrder && (
            <Flex vertical gap={8}>
              {(ambiguous.length > 0 || runFoundAmbiguous) && dateOrder === undefined && (
                <Alert
                  type="warning"
                  showIcon
                  title={
                    ambiguous.length > 0
                      ? t('imports.dateOrder.ambiguous', {
                          values: ambiguous
                            .slice(0, 3)
                            .map((d) => d.value)
                            .join('、'),
                        })
                      : t('imports.dateOrder.ambiguousInRun')
                  }
                />
              )}
              <Flex gap={8} align="center" wrap>
                <label htmlFor="import-date-order">{t('imports.dateOrder.label')}</label>
                <Select
                  id="import-date-order"
                  style={{ minWidth: 300 }}
                  value={dateOrder ?? ''}
                  onChange={(order: DateOrder | '') => setDateOrder(order || undefined)}
                  options={[
                    { value: '', label: t('imports.dateOrder.unset') },
                    ...DATE_ORDERS.map((o) => ({
                      value: o,
                      label: t(`imports.dateOrder.${o}`),
                    })),
                  ]}
                />
              </Flex>
            </Flex>
          )}
          <Flex gap={8} align="center" wrap>
            <label htmlFor="import-tz">{t('imports.wizard.tz')}</label>
            <Select
              id="import-tz"
              showSearch
              style={{ width: 260 }}
              value={tz}
              options={zoneOptions}
              onChange={setTz}
            />
            <Button
              disabled={missing.length > 0 || importLocked}
              loading={startJob.isPending && startJob.variables.kind === 'dry_run'}
              onClick={() =>
                startJob.mutate(
                  { kind: 'dry_run', ...jobInput() },
                  {
                    onSuccess: (job) => {
                      setImportId(undefined)
                      setImportEnd(undefined)
                      setDryRunId(job.id)
                    },
                  },
                )
              }
            >
              {t('imports.wizard.dryRun')}
            </Button>
            <Button
              type="primary"
              disabled={missing.length > 0 || importLocked}
              loading={startJob.isPending && startJob.variables.kind === 'import'}
              onClick={() =>
                startJob.mutate(
                  { kind: 'import', ...jobInput() },
                  {
                    onSuccess: (job) => {
                      setImportEnd(undefined)
                      setImportId(job.id)
                    },
                  },
                )
              }
            >
              {t('imports.wizard.import')}
            </Button>
          </Flex>
          {startJob.error && (
            <Alert type="error" showIcon title={importErrorText(startJob.error)} />
          )}
        </>
      )}

      {dryRunId !== undefined && importId === undefined && (
        <JobProgress key={dryRunId} jobId={dryRunId} onEnd={onRunEnd} />
      )}
      {importId !== undefined && (
        <>
          <JobProgress
            key={importId}
            jobId={importId}
            onEnd={(job) => {
              setImportEnd(job.status)
              onRunEnd(job)
              void refreshQueue()
            }}
          />
          {(importEnd === 'rejected' || importEnd === 'failed') && (
            <Typography.Text type="secondary">{t('imports.wizard.tryAgain')}</Typography.Text>
          )}
          <Link to="/imports">{t('imports.wizard.toList')}</Link>
        </>
      )}
    </Space>
  )
}
