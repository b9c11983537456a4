/**
 * The inquiry page's files: image previews (served at most 480×480), PDFs opened in a new tab,
 * other files downloaded, links shown as links (the desk never fetched them); staff drop files
 * here to add them, with an optional note.
 */
import { useQuery } from '@tanstack/react-query'
import { Button, Card, Flex, Image, Input, List, Tag, Typography, Upload } from 'antd'
import { useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { FileUploads } from '../../../lib/file-uploads.ts'
import { attachmentQueries, useAddFiles, type AttachmentItem } from '../api/attachment-queries.ts'

const isImage = (type: string) => type.startsWith('image/')

function formatSize(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${(bytes / 1024 / 1024).toFixed(1)} MB`
  return `${Math.max(1, Math.round(bytes / 1024))} KB`
}

function FileRow({ file }: { file: AttachmentItem }) {
  const { t } = useTranslation()
  const who = file.source === 'citizen' ? t('attachments.fromCitizen') : t('attachments.fromDesk')
  if (file.type === 'link') {
    return (
      <Flex gap={8} wrap align="center">
        <Tag>{t('attachments.link')}</Tag>
        <Typography.Link href={file.url} target="_blank" rel="noopener noreferrer nofollow">
          {file.name}
        </Typography.Link>
      </Flex>
    )
  }
  return (
    <Flex gap={12} align="center" wrap>
      {isImage(file.type) && (
        <Image
          src={`${file.url}/preview`}
          width={96}
          height={72}
          style={{ objectFit: 'cover' }}
          alt={t('attachments.preview', { name: file.name })}
          preview={false}
        />
      )}
      <Flex vertical gap={2} style={{ minWidth: 0 }}>
        <Typography.Text strong ellipsis style={{ maxWidth: 260 }}>
          {file.name}
        </Typography.Text>
        <Typography.Text type="secondary">
          {who} · {formatSize(file.size)}
        </Typography.Text>
        <Flex gap={12}>
          {file.type === 'application/pdf' && (
            <Typography.Link href={file.url} target="_blank" rel="noopener">
              {t('attachments.open')}
            </Typography.Link>
          )}
          <Typography.Link href={file.url} download>
            {t('attachments.download')}
          </Typography.Link>
        </Flex>
      </Flex>
    </Flex>
  )
}

export function InquiryFiles({ inquiry }: { inquiry: { id: number; version: number } }) {
  const { t } = useTranslation()
  const list = useQuery(attachmentQueries.ofInquiry(inquiry.id))
  const add = useAddFiles(inquiry.id)
  const [files, setFiles] = useState<File[]>([])
  const [note, setNote] = useState('')
  const uploads = useRef(new FileUploads())
  const submit = () =>
    add.mutate(
      { files, uploads: uploads.current, version: inquiry.version, note },
      {
        onSuccess: () => {
          setFiles([])
          setNote('')
        },
      },
    )
  return (
    <Card title={t('attachments.title')} size="small">
      <Flex vertical gap={12}>
        <List
          dataSource={list.data?.attachments ?? []}
          loading={list.isPending}
          locale={{ emptyText: t('attachments.none') }}
          renderItem={(file) => (
            <List.Item key={file.id}>
              <FileRow file={file} />
            </List.Item>
          )}
        />
        <Upload.Dragger
          multiple
          fileList={files.map((f, i) => ({
            uid: String(i),
            name: f.name,
            status: 'done' as const,
          }))}
          beforeUpload={(file) => {
            setFiles((prev) => [...prev, file])
            return false
          }}
          onRemove={(item) => setFiles((prev) => prev.filter((_, i) => String(i) !== item.uid))}
        >
          <p>{t('attachments.drop')}</p>
          <Typography.Text type="secondary">{t('attachments.dropHint')}</Typography.Text>
        </Upload.Dragger>
        {files.length > 0 && (
          <>
            <Input.TextArea
              value={note}
              onChange={(e) => setNote(e.target.value)}
              placeholder={t('attachments.note')}
              autoSize={{ minRows: 1, maxRows: 4 }}
              maxLength={5000}
            />
            <Button type="primary" onClick={submit} loading={add.isPending}>
              {t('attachments.add')}
            </Button>
          </>
        )}
      </Flex>
    </Card>
  )
}
