import { Button, Checkbox, Col, Form, Input, Row, type InputRef } from 'antd';
import type { Ref } from 'react';

/** Căn cước number as typed: spaces and dots ignored. */
export const idDigits = (value: string | undefined) => (value ?? '').replace(/[\s.]/g, '');

/** The căn cước number checked as typed: digits only, 12 of them (Luật Căn cước 2023 art. 12). */
export const idNumberRule = {
  validator: async (_rule: unknown, value: string | undefined) => {
    const digits = idDigits(value);
    if (!digits || /^\d{12}$/.test(digits)) return;
    throw new Error(
      /\D/.test(digits) ? 'Chỉ gồm chữ số' : `Số căn cước có 12 chữ số (đang có ${digits.length})`,
    );
  },
};

export interface PersonValues {
  fullName?: string;
  idNumber?: string;
  address?: string;
  phone?: string;
  email?: string;
  representative?: boolean;
}

/**
 * The people of a visit (citizens) or of a letter (petitioners): one row each — name, căn cước number
 * checked as typed, address, telephone, e-mail for letters — with add and remove, and the representative
 * mark when the group rule applies (LTCD art. 29). One component for both forms.
 */
export function PersonRows({
  name,
  required,
  withEmail = false,
  group = false,
  firstNameRef,
  addLabel,
}: {
  name: 'citizens' | 'petitioners';
  /** Name, căn cước number and address required (a visit), or only the name (a signed letter), or none. */
  required: 'all' | 'name' | 'none';
  withEmail?: boolean;
  /** The group rule applies: show the representative mark. */
  group?: boolean;
  firstNameRef?: Ref<InputRef>;
  addLabel: string;
}) {
  const all = required === 'all';
  const span = withEmail
    ? { name: 5, id: 4, address: 7, phone: 3, email: 4, end: 1 }
    : { name: 6, id: 5, address: 7, phone: 4, email: 0, end: 2 };
  return (
    <Form.List name={name}>
      {(fields, { add, remove }) => (
        <>
          {fields.map((field, index) => (
            <Row gutter={12} key={field.key} align="top">
              <Col xs={24} md={span.name}>
                <Form.Item
                  label={`Họ và tên${fields.length > 1 || name === 'petitioners' ? ` (${index + 1})` : ''}`}
                  name={[field.name, 'fullName']}
                  rules={[{ required: required !== 'none', min: 2, message: 'Nhập họ và tên' }]}
                >
                  <Input
                    ref={index === 0 ? firstNameRef : undefined}
                    autoFocus={index === 0 && !!firstNameRef}
                  />
                </Form.Item>
              </Col>
              <Col xs={24} md={span.id}>
                <Form.Item
                  label="Số căn cước"
                  name={[field.name, 'idNumber']}
                  validateTrigger={['onChange', 'onBlur']}
                  rules={[...(all ? [{ required: true, message: 'Nhập số căn cước' }] : []), idNumberRule]}
                >
                  <Input inputMode="numeric" autoComplete="off" />
                </Form.Item>
              </Col>
              <Col xs={24} md={span.address}>
                <Form.Item
                  label="Địa chỉ"
                  name={[field.name, 'address']}
                  rules={all ? [{ required: true, min: 2, message: 'Nhập địa chỉ' }] : []}
                >
                  <Input />
                </Form.Item>
              </Col>
              <Col xs={withEmail ? 24 : 16} md={span.phone}>
                <Form.Item label="Điện thoại" name={[field.name, 'phone']}>
                  <Input inputMode="tel" />
                </Form.Item>
              </Col>
              {withEmail && (
                <Col xs={18} md={span.email}>
                  <Form.Item
                    label="Thư điện tử"
                    name={[field.name, 'email']}
                    rules={[{ type: 'email', message: 'Thư điện tử không hợp lệ' }]}
                  >
                    <Input inputMode="email" />
                  </Form.Item>
                </Col>
              )}
              <Col xs={withEmail ? 6 : 8} md={span.end}>
                {group && (
                  <Form.Item label="Đại diện" name={[field.name, 'representative']} valuePropName="checked">
                    <Checkbox aria-label={`Người đại diện ${index + 1}`} />
                  </Form.Item>
                )}
                {fields.length > 1 && (
                  <Button
                    type="link"
                    danger
                    onClick={() => remove(field.name)}
                    aria-label={`Bỏ người ${index + 1}`}
                  >
                    Bỏ
                  </Button>
                )}
              </Col>
            </Row>
          ))}
          <Button onClick={() => add(group ? { representative: true } : {})}>{addLabel}</Button>
        </>
      )}
    </Form.List>
  );
}

/** The API's petitioner/citizen body from the form's row (blank fields left out). */
export function personBody(p: PersonValues) {
  const blank = (s: string | undefined) => (s && s.trim() ? s.trim() : undefined);
  return {
    fullName: (p.fullName ?? '').trim(),
    idNumber: blank(idDigits(p.idNumber)),
    address: blank(p.address),
    phone: blank(p.phone),
    email: blank(p.email),
    representative: !!p.representative,
  };
}
