import { InboxOutlined } from '@ant-design/icons';
import { Alert, Button, Modal, Result, Space, Spin, Steps, Upload } from 'antd';
import { useState } from 'react';
import type { ResponseOf } from '../../../../shared/contract';
import { call, errorMessage } from '../../lib/api';
import { readAsBase64 } from '../../lib/files';
import { ImportMapping } from './ImportMapping';
import { ImportPreview } from './ImportPreview';
import type { Choice, ImportTarget, Opened, Preview, PreviewRow } from './targets';

type Applied = ResponseOf<'import.apply'>;

const MAX_BYTES = 20 * 1024 * 1024;

/**
 * 导入Excel: file → sheet and header row → column mapping → preview with row
 * errors → import (all valid rows, or none). Nothing is written before the last step.
 */
export function ImportWizard<F extends string, R extends PreviewRow>({
  target,
  open,
  onClose,
  onImported,
}: {
  target: ImportTarget<F, R>;
  open: boolean;
  onClose(): void;
  onImported(year: number | null): void;
}) {
  const [step, setStep] = useState(0);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [opened, setOpened] = useState<Opened | null>(null);
  const [mapping, setMapping] = useState<Choice<F> | null>(null);
  const [preview, setPreview] = useState<Preview<R> | null>(null);
  const [mode, setMode] = useState<'valid' | 'all'>('valid');
  const [applied, setApplied] = useState<Applied | null>(null);

  const reset = () => {
    setStep(0);
    setBusy(null);
    setError(null);
    setOpened(null);
    setMapping(null);
    setPreview(null);
    setApplied(null);
    setMode('valid');
  };
  const close = () => {
    if (applied) onImported(preview?.year ?? null);
    else onClose();
    reset();
  };

  const run = async (label: string, f: () => Promise<void>) => {
    setBusy(label);
    setError(null);
    try {
      await f();
    } catch (err) {
      setError(errorMessage(err));
    } finally {
      setBusy(null);
    }
  };

  const pick = (file: File) =>
    run('正在读取文件…', async () => {
      if (file.size > MAX_BYTES)
        throw new Error(`文件“${file.name}”有 ${(file.size / 1024 / 1024).toFixed(1)} MB，超过了 20 MB 的上限`);
      const o = await call('import.open', { fileName: file.name, dataBase64: await readAsBase64(file) });
      if (o.sheets.length === 0) throw new Error(`文件“${file.name}”里没有工作表`);
      // The first sheet whose headers are recognised, else the first.
      let choice: Choice<F> | null = null;
      for (const s of o.sheets) {
        const c = await target.headers(o, s.name);
        choice ??= c;
        if (c.guessed && c.mapping.includes(target.required)) {
          choice = c;
          break;
        }
      }
      setOpened(o);
      setMapping(choice);
      setStep(1);
    });

  const toPreview = () =>
    run('正在检查每一行…', async () => {
      if (!opened || !mapping) return;
      setPreview(await target.preview(opened.token, mapping));
      setStep(2);
    });

  const apply = () =>
    run('正在导入…', async () => {
      if (!opened || !mapping) return;
      setApplied(await target.apply(opened.token, mapping, mode));
      setStep(3);
    });

  const footer = [
    step > 0 && step < 3 && (
      <Button key="back" onClick={() => setStep(step - 1)} disabled={!!busy}>
        上一步
      </Button>
    ),
    step === 1 && (
      <Button
        key="next"
        type="primary"
        onClick={() => void toPreview()}
        loading={!!busy}
        disabled={!mapping?.mapping.includes(target.required)}
      >
        下一步：预览
      </Button>
    ),
    step === 2 && (
      <Button
        key="apply"
        type="primary"
        onClick={() => void apply()}
        loading={!!busy}
        disabled={!preview || preview.counts.valid === 0 || (mode === 'all' && preview.counts.invalid > 0)}
      >
        {mode === 'all' ? `导入全部 ${preview?.counts.total ?? 0} 行` : `导入 ${preview?.counts.valid ?? 0} 行`}
      </Button>
    ),
    step === 3 && (
      <Button key="done" type="primary" onClick={close}>
        完成
      </Button>
    ),
  ].filter(Boolean);

  return (
    <Modal
      title={target.title}
      open={open}
      onCancel={close}
      width={980}
      footer={footer}
      maskClosable={false}
      destroyOnHidden
    >
      <Steps
        size="small"
        current={step}
        style={{ margin: '12px 0 20px' }}
        items={[{ title: '选择文件' }, { title: '对应列' }, { title: '预览检查' }, { title: '完成' }]}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} role="alert" />}
      <Spin spinning={!!busy} tip={busy ?? undefined}>
        {step === 0 && (
          <Upload.Dragger
            accept=".xlsx"
            multiple={false}
            showUploadList={false}
            beforeUpload={(file) => {
              void pick(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{target.hint}</p>
            <p className="ant-upload-hint">
              支持 Excel 2007 及以后的 .xlsx 文件（WPS 另存为 .xlsx 亦可），不超过 20 MB。导入前不会改动任何数据。
            </p>
          </Upload.Dragger>
        )}
        {step === 1 && opened && mapping && (
          <ImportMapping target={target} opened={opened} value={mapping} onChange={setMapping} onError={setError} />
        )}
        {step === 2 && preview && <ImportPreview target={target} preview={preview} mode={mode} onMode={setMode} />}
        {step === 3 && applied && (
          <Result
            status="success"
            title={`已导入 ${applied.imported} ${target.noun}`}
            subTitle={
              <Space direction="vertical" size={2}>
                {applied.skipped > 0 && (
                  <span>有错误的 {applied.skipped} 行没有导入，可在 Excel 中改正后再导入这些行。</span>
                )}
                {applied.backup && <span>导入前已自动备份，需要时可在“设置 → 备份与恢复”中恢复。</span>}
              </Space>
            }
          />
        )}
      </Spin>
    </Modal>
  );
}
