import { Alert, Button } from 'antd';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { errorText } from '../api/errors';
import { Loading } from './Loading';

/** "Đang tải", an error with a retry, or the content. */
export function QueryState<T>({
  query,
  children,
}: {
  query: UseQueryResult<T>;
  children: (data: T) => ReactNode;
}) {
  if (query.isPending) return <Loading />;
  if (query.isError)
    return (
      <Alert
        type="error"
        showIcon
        role="alert"
        title={errorText(query.error)}
        action={
          <Button size="small" onClick={() => void query.refetch()}>
            Thử lại
          </Button>
        }
      />
    );
  return <>{children(query.data)}</>;
}
