// Tag colours with at least 4.5:1 contrast (antd's preset green/blue/orange text does not reach it).
export const GREEN = { color: '#135200', background: '#f6ffed', borderColor: '#95de64' };
export const BLUE = { color: '#002c8c', background: '#f0f5ff', borderColor: '#adc6ff' };
export const ORANGE = { color: '#612500', background: '#fff2e8', borderColor: '#ff9c6e' };
