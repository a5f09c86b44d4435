/**
 * Evidence (佐证材料): photos and files attached to a project or milestone.
 * The bytes are copied into the data folder under their SHA-256
 * (`attachments/ab/abcdef….jpg`), written to a temporary name and renamed, so a
 * file is either whole or absent; the same content is stored once. The UI
 * sends a small JPEG thumbnail made with a canvas, kept beside the file.
 * Only what lib/evidence.ts allows is stored or opened.
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { RequestOf } from '../../../../shared/contract';
import { ATTACHMENT_MAX_BYTES, type Attachment } from '../../../../shared/projects';
import { newId, type Ctx } from '../../db/context';
import { attachments, milestones, type AttachmentRow } from '../../db/schema';
import { UserError } from '../../lib/errors';
import { extensionOf, storedName, thumbName, writeOnce } from '../../lib/fileStore';
import { checkEvidence, isThumbnail, openableName } from '../../lib/evidence';
import { auditEntry } from '../../db/audit';
import { born, firstOrNotFound, liveById, softDelete } from '../../db/rows';
import { getProjectRow } from './projects';

const isPicture = (mime: string) => /^image\/(jpeg|png|gif|webp|bmp)$/.test(mime);

function decode(b64: string, what: string): Buffer {
  if (!/^[A-Za-z0-9+/]*={0,2}$/.test(b64))
    throw new UserError('USER_ERROR', `${what}的内容不是有效的 base64`, 'dataBase64');
  return Buffer.from(b64, 'base64');
}

function toDto(dir: string, r: AttachmentRow): Attachment {
  let thumb: string | null = null;
  const t = join(dir, thumbName(r.sha256));
  if (r.mime.startsWith('image/') && existsSync(t))
    thumb = `data:image/jpeg;base64,${readFileSync(t).toString('base64')}`;
  return {
    id: r.id,
    projectId: r.projectId,
    milestoneId: r.milestoneId,
    fileName: r.fileName,
    sha256: r.sha256,
    bytes: r.bytes,
    mime: r.mime,
    createdAt: r.createdAt,
    thumb,
  };
}

export async function addAttachment(ctx: Ctx, dir: string, input: RequestOf<'attachments.add'>): Promise<Attachment> {
  const data = decode(input.dataBase64, '文件');
  if (data.length === 0) throw new UserError('USER_ERROR', `文件“${input.fileName}”是空的`, 'dataBase64');
  if (data.length > ATTACHMENT_MAX_BYTES)
    throw new UserError('USER_ERROR', `文件“${input.fileName}”过大（上限 20 MB）`, 'dataBase64');
  const ext = extensionOf(input.fileName);
  const mime = await checkEvidence(input.fileName, data);
  let thumb: Buffer | null = null;
  if (input.thumbBase64 !== null && isPicture(mime)) {
    thumb = decode(input.thumbBase64, '缩略图');
    if (!isThumbnail(thumb)) throw new UserError('USER_ERROR', '缩略图应为 JPEG 或 PNG 图片', 'thumbBase64');
  }
  const sha = createHash('sha256').update(data).digest('hex');
  return ctx.conn.transaction(async () => {
    const p = await getProjectRow(ctx, input.projectId);
    if (input.milestoneId) {
      const m = firstOrNotFound(
        await ctx.db
          .select()
          .from(milestones)
          .where(liveById(milestones, input.milestoneId, ctx.villageCode()))
          .limit(1),
        '项目节点',
      );
      if (m.projectId !== p.id) throw new UserError('USER_ERROR', '该节点不属于这个项目', 'milestoneId');
    }
    // Files first: a row never points at a missing file. A file without a row (a failed insert) is harmless.
    writeOnce(join(dir, storedName(sha, ext)), data);
    if (thumb) writeOnce(join(dir, thumbName(sha)), thumb);
    const row: AttachmentRow = {
      id: newId(),
      projectId: p.id,
      milestoneId: input.milestoneId,
      fileName: input.fileName.trim(),
      sha256: sha,
      bytes: data.length,
      mime,
      ...born(ctx),
    };
    await ctx.db.insert(attachments).values(row);
    await auditEntry(ctx, 'attachment', row.id, 'create', {
      newValue: { projectId: p.id, fileName: row.fileName, sha256: sha },
    });
    return toDto(dir, row);
  });
}

export async function listAttachments(ctx: Ctx, dir: string, projectId: string): Promise<Attachment[]> {
  const rows = await ctx.db
    .select()
    .from(attachments)
    .where(and(eq(attachments.projectId, projectId), isNull(attachments.deletedAt)))
    .orderBy(asc(attachments.createdAt));
  return rows.map((r) => toDto(dir, r));
}

async function getRow(ctx: Ctx, id: string): Promise<AttachmentRow> {
  return firstOrNotFound(
    await ctx.db
      .select()
      .from(attachments)
      .where(liveById(attachments, id, ctx.villageCode()))
      .limit(1),
    '附件',
  );
}

/** Where the stored file is; refuses if it went missing from the data folder. */
export async function attachmentPath(ctx: Ctx, dir: string, id: string): Promise<string> {
  const r = await getRow(ctx, id);
  const path = join(dir, storedName(r.sha256, extensionOf(r.fileName)));
  if (!openableName(r.fileName))
    throw new UserError('USER_ERROR', `“${r.fileName}”不是允许打开的附件类型，未交给系统程序打开`);
  if (!existsSync(path)) throw new UserError('NOT_FOUND', `附件“${r.fileName}”的文件已不在数据文件夹中`);
  return path;
}

/** Takes the attachment off the project; the file stays (other rows or backups may share it). */
export async function removeAttachment(ctx: Ctx, id: string): Promise<{ removed: boolean }> {
  return ctx.conn.transaction(async () => {
    const cur = await getRow(ctx, id);
    await softDelete(ctx, attachments, 'attachment', cur, { fileName: cur.fileName });
    return { removed: true };
  });
}
