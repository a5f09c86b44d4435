/** Handler maps of the meetings domain (merged into electron/core/handlers.ts). */
import type { HandlerMap } from '../../handlerTypes';
import { addAction, carryOverFor, listActions, removeAction, tickAction, updateAction } from './actions';
import { addAgendaItem, moveAgendaItem, removeAgendaItem, updateAgendaItem } from './agenda';
import { addGuest, removeAttendance, setAttendance } from './attendance';
import {
  createNextMeeting,
  createThematicMeeting,
  finaliseMeeting,
  getMeetingDetail,
  listMeetings,
  meetingHistory,
  updateMeeting,
} from './meetings';
import { listSeries, saveSeries } from './series';

export const seriesHandlers: HandlerMap<'series'> = {
  'series.list': (_req, { ctx }) => listSeries(ctx),
  'series.save': (req, { ctx }) => saveSeries(ctx, req),
};

export const meetingHandlers: HandlerMap<'meetings'> = {
  'meetings.list': (_req, { ctx }) => listMeetings(ctx),
  'meetings.get': (req, { ctx }) => getMeetingDetail(ctx, req.id),
  'meetings.createNext': (req, { ctx }) => createNextMeeting(ctx, req.seriesId),
  'meetings.createThematic': (req, { ctx }) => createThematicMeeting(ctx, req),
  'meetings.update': (req, { ctx }) => updateMeeting(ctx, req),
  'meetings.finalise': (req, { ctx }) => finaliseMeeting(ctx, req.id),
  'meetings.history': (req, { ctx }) => meetingHistory(ctx, req.id),
};

export const attendanceHandlers: HandlerMap<'attendance'> = {
  'attendance.set': (req, { ctx }) => setAttendance(ctx, req),
  'attendance.addGuest': (req, { ctx }) => addGuest(ctx, req),
  'attendance.remove': (req, { ctx }) => removeAttendance(ctx, req),
};

export const agendaHandlers: HandlerMap<'agenda'> = {
  'agenda.add': (req, { ctx }) => addAgendaItem(ctx, req),
  'agenda.update': (req, { ctx }) => updateAgendaItem(ctx, req),
  'agenda.move': (req, { ctx }) => moveAgendaItem(ctx, req),
  'agenda.remove': (req, { ctx }) => removeAgendaItem(ctx, req),
};

export const actionHandlers: HandlerMap<'actions'> = {
  'actions.add': (req, { ctx }) => addAction(ctx, req),
  'actions.update': (req, { ctx }) => updateAction(ctx, req),
  'actions.tick': (req, { ctx }) => tickAction(ctx, req.id, req.done),
  'actions.remove': (req, { ctx }) => removeAction(ctx, req.id, req.reason),
  'actions.list': (req, { ctx }) => listActions(ctx, req),
  'actions.carryOver': (req, { ctx }) => carryOverFor(ctx, req.meetingId),
};
