/** The shapes the charts mark points with: each meaning has its own shape, never colour alone. */
import type { ReactNode } from 'react';

interface MarkProps {
  x: number;
  y: number;
  size?: number;
  className: string;
  children?: ReactNode;
}

export function CircleMark({ x, y, size = 5, className, children }: MarkProps) {
  return (
    <circle cx={x} cy={y} r={size} className={className}>
      {children}
    </circle>
  );
}

export function SquareMark({ x, y, size = 5, className, children }: MarkProps) {
  return (
    <rect x={x - size} y={y - size} width={size * 2} height={size * 2} className={className}>
      {children}
    </rect>
  );
}

export function DiamondMark({ x, y, size = 6, className, children }: MarkProps) {
  return (
    <path d={`M${x} ${y - size}L${x + size} ${y}L${x} ${y + size}L${x - size} ${y}Z`} className={className}>
      {children}
    </path>
  );
}

export function TriangleDownMark({ x, y, size = 7, className, children }: MarkProps) {
  return (
    <path d={`M${x - size} ${y - size * 0.8}L${x + size} ${y - size * 0.8}L${x} ${y + size}Z`} className={className}>
      {children}
    </path>
  );
}

export function TriangleUpMark({ x, y, size = 7, className, children }: MarkProps) {
  return (
    <path d={`M${x - size} ${y + size * 0.8}L${x + size} ${y + size * 0.8}L${x} ${y - size}Z`} className={className}>
      {children}
    </path>
  );
}
