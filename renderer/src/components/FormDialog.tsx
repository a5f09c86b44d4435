/**
 * A dialog with a form: 取消 / the OK button, the form validated before
 * `onSubmit`, the OK button busy while it runs, a failure shown (or handed to
 * `onError`) with the dialog left open so nothing typed is lost.
 */
import { App as AntApp, Form, Modal, type FormInstance, type FormProps } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../lib/api';

export interface FormDialogProps<V> {
  open: boolean;
  title: string;
  okText: string;
  form: FormInstance<V>;
  onClose(): void;
  /** Runs with the validated values; throw to keep the dialog open. */
  onSubmit(values: V): Promise<void>;
  onError?(err: unknown): void;
  width?: number;
  formProps?: Omit<FormProps<V>, 'form'>;
  /** The fields; `submit` lets a field submit on Enter. */
  children: (submit: () => void) => ReactNode;
}

export function FormDialog<V>(p: FormDialogProps<V>) {
  const { message } = AntApp.useApp();
  const [saving, setSaving] = useState(false);
  const submit = async () => {
    const v = await p.form.validateFields().catch(() => null);
    if (!v) return;
    setSaving(true);
    try {
      await p.onSubmit(v);
    } catch (err) {
      if (p.onError) p.onError(err);
      else message.error(errorMessage(err));
    } finally {
      setSaving(false);
    }
  };
  const run = () => void submit();
  return (
    <Modal
      open={p.open}
      title={p.title}
      onCancel={p.onClose}
      onOk={run}
      okText={p.okText}
      cancelText="取消"
      confirmLoading={saving}
      width={p.width}
      destroyOnHidden
    >
      <Form form={p.form} layout="vertical" style={{ marginTop: 16 }} {...p.formProps}>
        {p.children(run)}
      </Form>
    </Modal>
  );
}
